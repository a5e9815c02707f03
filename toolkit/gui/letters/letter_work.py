"""The letter being written, as a value: kept across a rebuild of the page (language, text
size) and compared with what was last saved, so closing can say what would be lost."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from toolkit.gui.pages.letters_page import LettersPage


@dataclass(frozen=True)
class LetterWork:
    template_id: str
    letter_language: str
    values: tuple[tuple[str, str], ...]
    edits: tuple[tuple[str, str], ...]
    manual: tuple[str, str, str]  # a recipient typed by hand: name, title, address
    step: int

    def typed(self) -> tuple[object, ...]:
        """What the person typed: not the letter chosen or the step they are on."""
        filled = tuple(item for item in self.values if item[1].strip())
        return (filled, self.edits, tuple(part.strip() for part in self.manual))


def take(page: LettersPage) -> LetterWork:
    recipients = page.recipients
    return LetterWork(
        template_id=page.chooser.current_id(),
        letter_language=page.letter_language(),
        values=tuple(sorted(page.form.values().items())),
        edits=tuple(sorted(page.edits.items())),
        manual=(
            recipients.name.text(),
            recipients.title.text(),
            recipients.address.toPlainText(),
        ),
        step=page.steps.currentIndex(),
    )


def restore(page: LettersPage, work: LetterWork) -> None:
    if work.template_id:
        page.chooser.select(work.template_id)
    index = page.language.findData(work.letter_language)
    if index >= 0:
        page.language.setCurrentIndex(index)
    for name, value in work.values:
        if name in page.form.editors:
            page.form.set_value(name, value)
    page.recipients.set_manual(*work.manual)
    page.edits.update(dict(work.edits))
    page.steps.setCurrentIndex(work.step)
    page.refresh()
