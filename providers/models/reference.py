from django.db import models

from ..constants import Nation


class Region(models.Model):
    """A region of England, or Wales: the areas commissioners and reports work in."""

    name = models.CharField(max_length=100, unique=True)
    nation = models.CharField(max_length=20, choices=Nation.choices)

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name


class LocalAuthority(models.Model):
    """A lower-tier or unitary local authority (ONS GSS code), with its centroid."""

    gss_code = models.CharField("GSS code", max_length=9, unique=True)
    name = models.CharField(max_length=100)
    official_name = models.CharField(max_length=200)
    region = models.ForeignKey(Region, on_delete=models.PROTECT, related_name="local_authorities")
    kind = models.CharField(max_length=60)
    latitude = models.DecimalField(max_digits=12, decimal_places=9)
    longitude = models.DecimalField(max_digits=12, decimal_places=9)

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "local authorities"

    def __str__(self):
        return self.name


class Prison(models.Model):
    """A prison establishment. Seed data from about 2016: admins may edit or close them.

    The name is the key: in the source register two combined sites have no NOMIS code, and two
    codes are shared by a prison and the immigration removal centre it became.
    """

    code = models.CharField("NOMIS code", max_length=5, blank=True, db_index=True)
    name = models.CharField(max_length=120, unique=True)
    probation_region = models.CharField(max_length=100)
    function = models.CharField(max_length=100, blank=True)
    estate = models.CharField(max_length=100, blank=True)
    womens_estate = models.BooleanField(default=False)
    postcode = models.CharField(max_length=10, blank=True)
    address = models.CharField(max_length=250, blank=True)
    # Some sites list two numbers, e.g. "Wolds: (01430) 428000 Everthorpe: (01430) 426500".
    telephone = models.CharField(max_length=100, blank=True)
    is_open = models.BooleanField(default=True)

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name
