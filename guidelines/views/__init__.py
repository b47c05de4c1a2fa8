"""Views of practice 1, by audience: readers (employees), the checker, and HR."""
