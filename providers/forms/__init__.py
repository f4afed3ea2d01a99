from .directory import DirectorySearchForm
from .tenancy import InvitationForm, SwitchOrganisationForm

__all__ = ["DirectorySearchForm", "InvitationForm", "SwitchOrganisationForm"]
