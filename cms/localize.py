"""Hand translations made outside wagtail-localize over to it, keeping their text.

A page or snippet copied with ``copy_for_translation`` and filled in by hand shares the source's
translation_key, but wagtail-localize has no record of it: its admin shows the plain editor, "Sync
translated pages" skips it and the translations report leaves it out. ``adopt_translation`` creates the
records wagtail-localize would have made had the text been typed into its translation editor: the
TranslationSource of the source, an enabled Translation into the target's locale, and one manual
StringTranslation per string segment, holding the text the translated object already has.
"""

import logging
import re
from collections import defaultdict

import polib

from django.db import transaction

from wagtail_localize.models import Translation, TranslationSource
from wagtail_localize.segments import StringSegmentValue, TemplateSegmentValue
from wagtail_localize.segments.extract import extract_segments

logger = logging.getLogger(__name__)

_BLOCK_ID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")


@transaction.atomic
def adopt_translation(source, translated):
    """Make ``translated`` (``source``'s translation_key, another locale) a wagtail-localize translation.

    Returns ``(translation, created)``. An existing Translation is returned untouched, whatever its state
    (editors may have edited its strings or disabled it), so calling this again changes nothing.
    """
    translation_source, _ = TranslationSource.get_or_create_from_instance(source)
    translation, created = Translation.objects.get_or_create(
        source=translation_source, target_locale_id=translated.locale_id, defaults={"enabled": True}
    )
    if not created:
        return translation, False

    pairs, skipped = translated_strings(translation_source.as_instance(), translated)
    if skipped:
        logger.warning(
            "%s (%s): the structure of %s differs from the source; left for translators.",
            translated,
            translated.locale,
            ", ".join(skipped),
        )
    po = polib.POFile(wrapwidth=200)
    po.metadata = {
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=utf-8",
        "X-WagtailLocalize-TranslationID": str(translation.uuid),
    }
    seen = set()
    for source_segment, translated_segment in pairs:
        key = (source_segment.path, source_segment.string.data)
        if key in seen:  # the same string twice in one field has one translation there
            continue
        seen.add(key)
        po.append(
            polib.POEntry(
                msgctxt=source_segment.path,
                msgid=source_segment.string.data,
                msgstr=translated_segment.string.data,
            )
        )
    warnings = translation.import_po(po, translation_type="manual")
    if warnings:
        logger.warning("%s (%s): strings not imported: %s", translated, translated.locale, warnings)
    return translation, True


def translated_strings(source, translated):
    """Pair the string segments of ``source`` with those of ``translated`` at the same place.

    Segments are compared field by field, in order. A field pairs up when both sides have the same
    segments with the same content paths (StreamField block ids aside, so that translations whose blocks
    were created afresh still pair up) and the same rich text templates; otherwise the field is skipped.
    Returns ``(pairs, skipped field names)``; pairs are (source segment, translated segment), both
    StringSegmentValue, the source one carrying the content path wagtail-localize knows.
    """
    source_fields = _by_field(extract_segments(source))
    translated_fields = _by_field(extract_segments(translated))
    pairs, skipped = [], []
    for field, source_segments in source_fields.items():
        translated_segments = translated_fields.get(field, [])
        if [_shape(s) for s in source_segments] != [_shape(s) for s in translated_segments]:
            skipped.append(field)
            continue
        pairs.extend(
            (s, t)
            for s, t in zip(source_segments, translated_segments, strict=True)
            if isinstance(s, StringSegmentValue)
        )
    return pairs, skipped


def _by_field(segments):
    """String and template segments grouped by field name, in page order.

    Overridable segments (synchronised values such as addresses or links) and related objects are left
    out: wagtail-localize copies them from the source, nothing is translated in them.
    """
    fields = defaultdict(list)
    for segment in segments:
        if isinstance(segment, StringSegmentValue | TemplateSegmentValue):
            fields[segment.path.split(".", 1)[0]].append(segment)
    return fields


def _shape(segment):
    path = tuple("<block>" if _BLOCK_ID.match(part) else part for part in segment.path.split("."))
    if isinstance(segment, TemplateSegmentValue):
        return ("template", path, segment.format, segment.template, segment.string_count)
    return ("string", path)
