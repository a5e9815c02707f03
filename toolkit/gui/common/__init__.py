"""What every page shares: printing, and (in time) messages, previews and file dialogs."""
