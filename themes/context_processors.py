from django.utils import translation


def direction(request):
    """Writing direction of the active language, for <html dir>."""
    return {"text_direction": "rtl" if translation.get_language_bidi() else "ltr"}
