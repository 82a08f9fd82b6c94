"""The interface's languages: gettext catalogues managed with Babel, and CLDR's numbers, dates and names.

Every text the interface writes passes through here; the data's own text (titles, publishers,
notes, claimants) does not: it is shown as the source wrote it. The language is the current
run's (`use`, `activate`), so the layers above call `_` as they would gettext's.
"""

from i18n.formats import number, territory, time_locale
from i18n.language import (
    DEFAULT,
    KHMER_FONT,
    KHMER_RANGE,
    LANGUAGES,
    N_,
    _,
    activate,
    bound,
    current,
    locale,
    ngettext,
    use,
)

__all__ = ["DEFAULT", "KHMER_FONT", "KHMER_RANGE", "LANGUAGES", "N_", "_", "activate", "bound", "current", "locale",
           "ngettext", "number", "territory", "time_locale", "use"]
