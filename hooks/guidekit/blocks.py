"""The blocks a page can ask for with `<!-- guide:NAME ARG -->`, by name."""

from __future__ import annotations

from .checklists import (
    checklist_block,
    checklist_index_block,
    checklist_list_block,
    checklist_sheet_block,
    deadline_helper_block,
)
from .diagrams import escalation_block, status_table_block
from .expand import Blocks
from .faq import faq_answer_block
from .message_templates import message_template_block
from .my_case import (
    case_clear_block,
    case_deadlines_block,
    case_details_block,
    case_evidence_block,
    case_message_block,
    case_next_block,
    case_sent_block,
    case_tools_block,
)
from .scenarios import cards_block, scenario_block, seller_claims_block
from .sources import sources_table_block
from .summary import deadline_table_block

BLOCKS: Blocks = {
    "scenario": scenario_block,
    "seller-claims": seller_claims_block,
    "problem-cards": cards_block,
    "status-table": status_table_block,
    "escalation": escalation_block,
    "checklist": checklist_block,
    "checklist-sheet": checklist_sheet_block,
    "checklist-index": checklist_index_block,
    "checklist-list": checklist_list_block,
    "deadline-helper": deadline_helper_block,
    "deadline-table": deadline_table_block,
    "message-template": message_template_block,
    "faq-answer": faq_answer_block,
    "sources-table": sources_table_block,
    "case-details": case_details_block,
    "case-deadlines": case_deadlines_block,
    "case-next": case_next_block,
    "case-sent": case_sent_block,
    "case-evidence": case_evidence_block,
    "case-message": case_message_block,
    "case-tools": case_tools_block,
    "case-clear": case_clear_block,
}
