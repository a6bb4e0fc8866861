# Sources of ui/audit: the audit log viewer and its export.
target_sources(spinepath_ui PRIVATE
    audit/AuditActionLabels.cpp audit/AuditActionLabels.h
    audit/AuditLogModel.cpp audit/AuditLogModel.h
    audit/AuditLogPage.cpp audit/AuditLogPage.h
)
