# Sources of ui/staff: sign-in, the staff console, settings and the audit log.
target_sources(spinepath_ui PRIVATE
)
