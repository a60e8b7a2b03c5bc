"""The feedback loop's actions on the entry shown: ask, record the answer, turn the plan
into goal steps, mark the follow-up done. Each is one undoable step (a macro when several
commands make it up) on the window's undo stack."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QDialog, QWidget

from ...commands.goals import AddStepCommand, CreateGoalCommand
from ...commands.journal import CreateFeedbackCommand, EditFeedbackCommand
from ...commands.undoable import push
from ...domain.enums import FeedbackKind, Relationship
from ...domain.journal import Feedback
from ...domain.journal_loop import action_steps, goal_for_plan
from ...services.goals import GoalService
from ...services.journal import JournalService
from .ask_dialog import AskFeedbackDialog


class JournalLoop:
    def __init__(self, journal: JournalService, goals: GoalService, stack: QUndoStack) -> None:
        self._journal = journal
        self._goals = goals
        self._stack = stack

    def ask(self, parent: QWidget) -> Feedback | None:
        """Record a request for feedback (asks whom, about what, when to chase)."""
        dialog = AskFeedbackDialog(self._journal.contact_names(), self._journal.today, parent)
        try:
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return None
            request = self._journal.new_request(
                dialog.whom.text(),
                dialog.about.text(),
                dialog.chase_on.value(),
                contact=dialog.contact_id(),
                relationship=Relationship(dialog.relationship.currentData()),
            )
        finally:
            dialog.deleteLater()
        command = CreateFeedbackCommand(self._journal, request, "Ask for feedback")
        push(self._stack, command)
        return command.feedback

    def record_answer(self, request: Feedback, kind: FeedbackKind) -> Feedback:
        answer = self._journal.answered(request, kind)
        push(self._stack, EditFeedbackCommand(self._journal, request, answer, "Record answer"))
        return answer

    def mark_followed_up(self, entry: Feedback, note: str) -> Feedback:
        done = self._journal.followed_up(entry, note)
        push(self._stack, EditFeedbackCommand(self._journal, entry, done, "Mark followed up"))
        return done

    def plan_to_goal(self, entry: Feedback) -> tuple[str, int]:
        """Add each line of the action plan as a step of the linked goal, or of a new goal
        linked to the entry; returns the goal's title and how many steps were added."""
        steps = action_steps(entry.action_plan)
        if not steps:
            return "", 0
        self._stack.beginMacro(f"Add action plan to goal ({len(steps)} steps)")
        try:
            goal_id = entry.goal
            if goal_id is None or self._goals_missing(goal_id):
                create = CreateGoalCommand(self._goals, goal_for_plan(entry))
                push(self._stack, create)
                goal_id = create.goal.id
                linked = replace(entry, goal=goal_id)
                push(self._stack, EditFeedbackCommand(self._journal, entry, linked, "Link goal"))
            for text in steps:
                push(self._stack, AddStepCommand(self._goals, goal_id, text))
        finally:
            self._stack.endMacro()
        return self._goals.get(goal_id).title, len(steps)

    def _goals_missing(self, goal_id: str) -> bool:
        try:
            self._goals.get(goal_id)
        except LookupError:
            return True
        return False
