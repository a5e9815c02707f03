"""Self-test checks for the foundation: settings, fonts and PDFs, the network guard."""

from __future__ import annotations

from pathlib import Path

from toolkit import netguard, settings
from toolkit.selftest import check

# Sample text in every language the core fonts must cover, accents included.
FONT_SAMPLES = {
    "en": "Know your rights. You may stay silent.",
    "es": "Conozca sus derechos: ¿Puedo irme? Tiene derecho a guardar silencio. Ñandú",
    "vi": "Biết quyền của bạn: Bạn có quyền giữ im lặng. Đừng mở cửa. ă â ê ô ơ ư đ ả ộ ữ",
    "ht": "Konnen dwa ou: Ou gen dwa rete an silans. Pa ouvri pòt la. è ò",
    "fr": "Connaissez vos droits : vous avez le droit de garder le silence. ç œ",
    "pt": "Conheça seus direitos: você tem o direito de ficar calado. ã õ",
    "tl": "Alamin ang iyong mga karapatan. May karapatan kang manahimik.",
    "ru": "Знайте свои права. Вы имеете право хранить молчание.",
    "ar": "اعرف حقوقك. لك الحق في التزام الصمت.",
}
# The faces of scripts beyond the card languages, each with a sample of its own script.
SCRIPT_SAMPLES = {
    "TKDevanagari": "अपने अधिकार जानें",
    "TKKhmer": "ដឹងពីសិទ្ធិរបស់អ្នក",
    "TKThai": "รู้สิทธิของคุณ",
    "TKTamil": "உங்கள் உரிமைகளை அறியுங்கள்",
    "TKTelugu": "మీ హక్కులు తెలుసుకోండి",
}


@check("settings")
def settings_round_trip(data: Path) -> str:
    saved = settings.Settings(
        org_name="Centro <Comunitario> & Co",
        hotline="(555) 010-0199",
        language="es",
        paper="a4",
        large_text=True,
    )
    settings.save(saved, data)
    loaded = settings.load(data)
    if loaded.settings != saved or loaded.warning:
        raise AssertionError("settings did not read back as written")
    return f"written and read back in {data.name}"


@check("fonts")
def fonts_render(data: Path) -> str:
    from reportlab.platypus import Paragraph

    from toolkit.pdf import fonts
    from toolkit.pdf.document import DocumentSpec, build_pdf, stylesheet
    from toolkit.pdf.markup import para_text

    names = fonts.register_fonts()
    styles = stylesheet()
    story = []
    for name in names:
        style = styles["body"].clone(f"sample-{name}", fontName=name)
        samples = {name: SCRIPT_SAMPLES[name]} if name in SCRIPT_SAMPLES else FONT_SAMPLES
        for lang, sample in samples.items():
            own = lang == "ar" or lang in SCRIPT_SAMPLES
            if fonts.missing_glyphs(name, sample) and own == (
                name in SCRIPT_SAMPLES or name.startswith("TKArabic")
            ):
                raise AssertionError(
                    f"{name} lacks glyphs for {lang}: "
                    f"{''.join(sorted(fonts.missing_glyphs(name, sample)))}"
                )
            story.append(Paragraph(para_text(f"{name} {lang}: {sample}"), style))
    pdf = build_pdf(story, DocumentSpec(title="Font sample"))
    if not pdf.startswith(b"%PDF") or len(pdf) < 2000:
        raise AssertionError("the sample PDF is empty")
    return f"{len(names)} fonts, sample PDF of {len(pdf) // 1024} KiB"


@check("network")
def network_never_used(data: Path) -> str:
    netguard.install()
    if netguard.attempts:
        raise AssertionError(f"network attempts: {netguard.attempts}")
    return "no connection attempted"
