"""Views by audience: employees.py (everyone's own profile, reviews, the framework),
managers.py (team heat map, reviewing), experts.py (who knows what), hr.py (HR)."""
