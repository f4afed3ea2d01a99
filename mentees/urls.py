from django.urls import path

from .views import ask, check

app_name = "mentees"

urlpatterns = [
    # Ask for a mentor: public, no account.
    path("ask-for-a-mentor/", ask.ask_start, name="ask_start"),
    path("ask-for-a-mentor/start/", ask.ask_begin, name="ask_begin"),
    path("ask-for-a-mentor/check-your-answers/", ask.ask_check, name="ask_check"),
    path("ask-for-a-mentor/request-sent/", ask.ask_confirmation, name="ask_confirmation"),
    path("ask-for-a-mentor/<slug:slug>/", ask.ask_step, name="ask_step"),
    path("check-your-request/", check.check_request, name="check_request"),
]
