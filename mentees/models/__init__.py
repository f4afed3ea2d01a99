"""The people side: referrals and mentee case records; volunteer roles, applications, vetting
and mentor records. One module per part, re-exported here."""

__all__: list[str] = []
