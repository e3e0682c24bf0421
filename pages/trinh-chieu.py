"""/trinh-chieu opened first after a server start: see dashboard/routing.py."""

from dashboard.routing import hand_over

hand_over()
