# Models arrive with this app's issue; see ARCHITECTURE.md for what lives here.
