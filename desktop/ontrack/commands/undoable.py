"""The base of every OnTrack undo command, and `push`: a refused change never reaches the
undo stack.

`QUndoStack.push(command)` calls `command.redo()` and then keeps the command, whatever
happened: an exception raised in a Python `redo` does not stop the C++ code around it. Left
alone, a refused edit (a goal title over the limit, a full disk) would sit on the stack as if
it had happened, push would throw away the redo history for nothing, and Undo would later
"undo" a change that was never made.

So a command's work lives in `apply()`, and:

- `push(stack, command)` applies it first, from Python: a refusal raises its own error, with
  its own words, before the stack is touched. Only a change that was made is pushed, and
  the stack skips the redo it would otherwise run again.
- A command pushed the plain way (`stack.push`), redone later (Edit ▸ Redo) or undone
  (Edit ▸ Undo) marks itself obsolete when `apply()` or `revert()` fails, so that
  QUndoStack (Qt 6.11) drops it instead of moving past it as if it had worked, and
  re-raises, so that the window still says what went wrong.

Each `apply()` and `revert()` is one service call, one transaction: a refusal leaves the data
as it was. (One exception: `LinkPeopleCommand` redone after an undo adds its interactions
back one call each; NetworkService has no single call for that yet.)
"""

from __future__ import annotations

from PySide6.QtGui import QUndoCommand, QUndoStack


class UndoableCommand(QUndoCommand):
    """Subclasses implement `apply()` (do, or do again, the change) and `revert()` (take
    it back)."""

    def __init__(self, text: str) -> None:
        super().__init__(text)
        self._applied_before_push = False
        self._withdrawn = False

    def apply(self) -> None:
        raise NotImplementedError

    def revert(self) -> None:
        raise NotImplementedError

    def redo(self) -> None:
        if self._applied_before_push:  # `push` did the work already
            self._applied_before_push = False
            return
        try:
            self.apply()
        except BaseException:
            self.setObsolete(True)  # QUndoStack drops an obsolete command
            raise

    def undo(self) -> None:
        try:
            self.revert()
        except BaseException:
            # The change stays made. Dropped, the command cannot be redone on top of itself
            # later; the older commands below it can still be undone.
            self.setObsolete(True)
            raise
        if self._withdrawn:  # taken back as if never made: QUndoStack drops it, no Redo
            self.setObsolete(True)


def push(stack: QUndoStack, command: UndoableCommand) -> None:
    """Make the change, then record it on `stack`; if the change is refused, its error
    propagates and the stack stays exactly as it was."""
    command.apply()
    command._applied_before_push = True
    stack.push(command)


def is_last(stack: QUndoStack, command: UndoableCommand) -> bool:
    """`command` is the latest change on `stack`, and nothing was undone since."""
    count = stack.count()
    return count > 0 and stack.index() == count and stack.command(count - 1) is command


def withdraw(stack: QUndoStack, command: UndoableCommand) -> bool:
    """Take back the latest change as if it had never been made: no Undo, no Redo entry
    (a new record abandoned before anything was typed into it). False, and nothing done,
    when `command` is not the latest change."""
    if not is_last(stack, command):
        return False
    command._withdrawn = True
    stack.undo()
    return True
