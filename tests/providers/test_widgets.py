from django import forms

from providers.forms.widgets import LongSelect


class Choose(forms.Form):
    place = forms.ChoiceField(
        choices=[("", "Anywhere"), ("North", [("n-1", "Leeds & <York>"), ("n-2", "Hull")])],
        widget=LongSelect(attrs={"class": "govuk-select"}),
    )


def test_long_select_renders_like_djangos_select():
    html = str(Choose(data={"place": "n-2"})["place"])
    assert html == (
        '<select name="place" class="govuk-select" id="id_place" required>'
        '<option value="">Anywhere</option>'
        '<optgroup label="North">'
        '<option value="n-1">Leeds &amp; &lt;York&gt;</option>'
        '<option value="n-2" selected>Hull</option>'
        "</optgroup></select>"
    )
