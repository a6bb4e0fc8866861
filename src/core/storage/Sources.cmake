# Sources of src/core/storage: SQLite or PostgreSQL through QtSql.
target_sources(spinepath_core PRIVATE
    storage/StorageTime.cpp
    storage/PrivateFiles.cpp
    storage/SqlError.cpp
    storage/Statement.cpp
    storage/Migrations.cpp
    storage/SchemaCheck.cpp
    storage/Dialect.cpp
    storage/PostgresUri.cpp
    storage/DatabaseLocation.cpp
    storage/Database.cpp
    storage/DatabaseServer.cpp
    storage/DatabaseEvents.cpp
    storage/DatabaseCopy.cpp
    storage/AssessmentRecord.cpp
    storage/AuditLog.cpp
    storage/Settings.cpp
    storage/ClinicSettings.cpp
    storage/AssessmentRows.cpp
    storage/AssessmentLifecycle.cpp
    storage/AssessmentQueries.cpp
    storage/AssessmentRetention.cpp
    storage/AssessmentExport.cpp
    storage/AssessmentRescore.cpp
    storage/ArticleRepository.cpp
)
