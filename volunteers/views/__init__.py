from . import mentors, vetting, volunteer_roles, volunteering

__all__ = ["mentors", "vetting", "volunteer_roles", "volunteering"]
