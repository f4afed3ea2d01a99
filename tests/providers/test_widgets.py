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


class ChooseWithDefaults(forms.Form):
    place = forms.ChoiceField(choices=[("", "Anywhere"), ("n-1", "Leeds")], widget=LongSelect)


def test_long_select_is_a_govuk_select_and_shows_errors():
    assert 'class="govuk-select"' in str(ChooseWithDefaults()["place"])
    form = ChooseWithDefaults(data={"place": "nowhere"})
    assert not form.is_valid()
    assert 'aria-invalid="true" class="govuk-select govuk-select--error"' in str(form["place"])
