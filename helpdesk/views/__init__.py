"""Views by audience: asking.py (the asker), staff.py (HR), faq.py, files.py."""
