"""The widgets of the Letters page: template chooser, recipient, fields, preview and drives."""
