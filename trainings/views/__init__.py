"""Views by audience: catalogue.py and enrolments.py for employees, managers.py for
proposals and approvals, scan.py for the self-scan, calendar.py for the feed, hr.py for HR."""
