"""Rights Toolkit: an offline know-your-rights and advocacy app for community centers."""

__version__ = "0.1.0"
APP_NAME = "Rights Toolkit"
