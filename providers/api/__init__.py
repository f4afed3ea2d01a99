"""Open Referral UK (HSDS 3.0 UK profile) read-only API: published services only."""
