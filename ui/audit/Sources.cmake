# Sources of ui/audit: the audit log viewer and its export.
target_sources(spinepath_ui PRIVATE
)
