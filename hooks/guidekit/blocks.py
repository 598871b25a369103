"""The blocks a page can ask for with `<!-- guide:NAME ARG -->`, by name."""
from __future__ import annotations

from .diagrams import escalation_block, status_table_block
from .faq import faq_answer_block
from .scenarios import cards_block, steps_block

BLOCKS = {
    "steps": steps_block,
    "problem-cards": cards_block,
    "status-table": status_table_block,
    "escalation": escalation_block,
    "faq-answer": faq_answer_block,
}
