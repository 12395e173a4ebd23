"""Photos in case studies: a picture can identify a client as surely as a name can.

A case study that shows any image (a photo of a treatment, of a hand, of the room) is
published only when the client's consent covers images: `images: true` under `consent:`,
in the case study or in the client register.  Without it the case study is held back,
like one whose consent is withdrawn, and the build says why and how to put it right.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..errors import Diagnostic, warning

if TYPE_CHECKING:
    from ..consent import Consent
    from ..markup import Rendered
    from ..validate import Entry

HELD_BACK = "it shows images, and the client's consent does not cover images"


def photo_consent(entry: Entry, rendered: Rendered, consent: Consent | None) -> tuple[str, tuple[Diagnostic, ...]]:
    """(why the case study is held back, or "", and the message that says so)."""
    if entry.case is None:
        return "", ()
    shown = [r for r in rendered.refs if r.tag == "img"]
    if not shown or (consent is not None and consent.images):
        return "", ()
    n = len(shown)
    where = "in the case study's consent: block or in the client register"
    return HELD_BACK, (warning(entry.rel, shown[0].line, "consent.images",
                               f"this case study shows {n} image{'s' if n != 1 else ''}, and the client's consent "
                               "does not cover images, so it is held back",
                               f"add images: true {where} only if the client agreed to these pictures being "
                               "published; otherwise take the images out"),)
