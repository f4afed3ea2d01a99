from django.apps import AppConfig


class MenteesConfig(AppConfig):
    name = "mentees"
