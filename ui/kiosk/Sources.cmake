# Sources of ui/kiosk: the locked-down front-desk kiosk around the patient window.
target_sources(spinepath_ui PRIVATE
)
