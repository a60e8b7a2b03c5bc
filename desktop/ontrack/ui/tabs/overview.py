"""The Overview tab: what needs attention this week, the latest assessment in brief and this
month in numbers; or, on a new data file, the first-run welcome.

Everything is re-read when the services announce a change (at once when the tab is on
screen, otherwise when it is next shown), never by polling.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListView,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from ...domain.agenda import Agenda
from ...domain.profile import Profile
from ...services.change import Change
from ...services.sample import is_sample
from ..look import heading_font, mute
from ..overview.attention_model import AttentionDelegate, AttentionLine, AttentionListModel
from ..overview.cards import AssessmentCard, MonthCard, card_frame
from ..overview.welcome import WelcomePage
from ..roles import RECORD_ROLE
from .base import TabContext, focus_first_shown

WELCOME, DASHBOARD = 0, 1  # the stack's pages
ALL_CLEAR = (
    "Nothing needs attention today: no goal is overdue or at risk, no follow-up is due "
    "and everyone is in touch. A good week to set a new goal or ask for feedback."
)
NO_GOALS = (
    "You have no goals yet. Set your first goal: one thing you want to change, how you "
    "will know you did, and by when. Not sure where to start? Your assessment's "
    "opportunities each come with goals to choose from."
)


class OverviewTab(QWidget):
    def __init__(self, context: TabContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._clock = context.clock
        self._stale = True
        self._refreshing = False
        run = context.run_command

        self.welcome = WelcomePage(
            lambda: run("start-assessment"),
            lambda: run("import-contacts"),
            lambda: run("import-file"),
            lambda: run("explore-sample"),
        )
        self.dashboard = self._build_dashboard()
        self.stack = QStackedWidget()
        # Each page scrolls rather than setting a minimum size for the whole window.
        for page in (self.welcome, self.dashboard):
            scroller = QScrollArea()
            scroller.setWidgetResizable(True)
            scroller.setFrameShape(QScrollArea.Shape.NoFrame)
            scroller.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes to what it holds
            scroller.setWidget(page)
            self.stack.addWidget(scroller)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)
        self.stack.setCurrentIndex(DASHBOARD)

    def _build_dashboard(self) -> QWidget:
        page = QWidget()
        self.greeting = QLabel()
        self.greeting.setFont(heading_font(self.font(), 1.7))
        self.greeting.setTextFormat(Qt.TextFormat.PlainText)
        self.subtitle = QLabel()
        self.subtitle.setTextFormat(Qt.TextFormat.PlainText)
        self.subtitle.setWordWrap(True)
        mute(self.subtitle)
        self.review_button = QPushButton("Weekly &review…")
        self.review_button.setToolTip(
            "Five minutes: check in on quiet goals, clear follow-ups, reach out to someone"
        )
        self.review_button.clicked.connect(lambda: self._context.run_command("weekly-review"))

        self.sample_note = QLabel(
            "You are exploring sample data, in a file of its own. Your own file is unchanged."
        )
        self.sample_note.setWordWrap(True)
        self.sample_button = QPushButton("&Back to my own file")
        self.sample_button.clicked.connect(lambda: self._context.run_command("leave-sample"))
        self.sample_bar = QWidget()
        sample_row = QHBoxLayout(self.sample_bar)
        sample_row.setContentsMargins(0, 0, 0, 0)
        sample_row.addWidget(self.sample_note, 1)
        sample_row.addWidget(self.sample_button)

        attention_frame, attention_layout = card_frame("Needs attention")
        self.attention_heading = attention_frame.findChild(QLabel)
        self.model = AttentionListModel(self._clock.today(), self)
        self.view = QListView()
        self.view.setObjectName("overviewAttention")
        self.view.setModel(self.model)
        self.view.setItemDelegate(AttentionDelegate(self.view))
        self.view.setFrameShape(QListView.Shape.NoFrame)
        self.view.setUniformItemSizes(False)
        self.view.setMouseTracking(True)
        self.view.setAccessibleName("Needs attention")
        self.view.activated.connect(self._activate)
        self.view.doubleClicked.connect(self._activate)
        self.all_clear = QLabel(ALL_CLEAR)
        self.all_clear.setWordWrap(True)
        self.all_clear.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        mute(self.all_clear)
        self.first_goal_button = QPushButton("Set your first &goal…")
        self.first_goal_button.setObjectName("firstGoal")
        self.first_goal_button.setToolTip("A new goal in the Goals tab, ready for its title")
        self.first_goal_button.clicked.connect(lambda: self._context.run_command("new-goal"))
        self.clear_box = QWidget()
        clear_layout = QVBoxLayout(self.clear_box)
        clear_layout.setContentsMargins(0, 0, 0, 0)
        clear_layout.addWidget(self.all_clear)
        clear_layout.addWidget(self.first_goal_button, 0, Qt.AlignmentFlag.AlignLeft)
        clear_layout.addStretch(1)
        attention_layout.addWidget(self.view, 1)
        attention_layout.addWidget(self.clear_box, 1)

        self.assessment_card = AssessmentCard(lambda: self._context.run_command("start-assessment"))
        self.month_card = MonthCard()
        side = QVBoxLayout()
        side.setSpacing(14)
        side.addWidget(self.assessment_card, 1)
        side.addWidget(self.month_card)
        side_widget = QWidget()
        side_widget.setLayout(side)
        side.setContentsMargins(0, 0, 0, 0)
        side_widget.setFixedWidth(340)

        header = QHBoxLayout()
        titles = QVBoxLayout()
        titles.setSpacing(2)
        titles.addWidget(self.greeting)
        titles.addWidget(self.subtitle)
        header.addLayout(titles, 1)
        header.addWidget(self.review_button, 0, Qt.AlignmentFlag.AlignTop)

        body = QHBoxLayout()
        body.setSpacing(16)
        body.addWidget(attention_frame, 1)
        body.addWidget(side_widget)

        layout = QVBoxLayout(page)
        layout.setContentsMargins(20, 16, 20, 16)
        layout.setSpacing(10)
        layout.addLayout(header)
        layout.addWidget(self.sample_bar)
        layout.addLayout(body, 1)
        return page

    # -- TabPage ---------------------------------------------------------------------------
    def load(self) -> None:
        if self._stale:
            self.refresh()

    def refresh(self) -> None:
        if self._refreshing:  # settling goal statuses announces a change of its own
            return
        self._refreshing = True
        try:
            self._stale = False
            agenda = self._context.services.agenda
            if agenda.is_empty():
                self.stack.setCurrentIndex(WELCOME)
                return
            self.stack.setCurrentIndex(DASHBOARD)
            self.show_attention(agenda.attention())
            self.month_card.show_month(agenda.month())
            self.assessment_card.show_snapshot(agenda.assessment_snapshot())
            self.show_greeting(self._context.services.profile.get())
            self.sample_bar.setVisible(is_sample(self._context.services.context.data.path))
        finally:
            self._refreshing = False

    def on_data_changed(self, change: Change) -> None:
        self._stale = True  # attention touches everything; re-read now if on screen, else later
        if self.isVisible():
            self.refresh()

    def showing_welcome(self) -> bool:
        return self.stack.currentIndex() == WELCOME

    def select_record(self, record_id: str) -> bool:
        return False

    def focus_search(self) -> bool:
        return False

    def focus_main(self) -> None:
        focus_first_shown(self.view, self.review_button, self.welcome.assessment_button)

    # -- showing -----------------------------------------------------------------------------
    def show_attention(self, agenda: Agenda) -> None:
        self.model.set_agenda(agenda, self._clock.today())
        has_items = agenda.total > 0
        no_goals = not has_items and not self._context.services.agenda.has_goals()
        self.view.setVisible(has_items)
        self.clear_box.setVisible(not has_items)
        self.all_clear.setText(NO_GOALS if no_goals else ALL_CLEAR)
        self.first_goal_button.setVisible(no_goals)
        if self.attention_heading is not None:
            headline = f"Needs attention ({agenda.total:,})" if has_items else "Needs attention"
            self.attention_heading.setText(headline)

    def show_greeting(self, profile: Profile) -> None:
        hour = self._clock.now().astimezone().hour
        part = "morning" if hour < 12 else "afternoon" if hour < 18 else "evening"
        first_name = profile.name.split()[0] if profile.name.strip() else ""
        self.greeting.setText(f"Good {part}, {first_name}" if first_name else f"Good {part}")
        if profile.current_role or profile.target_role:
            path = " → ".join(r for r in (profile.current_role, profile.target_role) if r)
            self.subtitle.setText(f"{path}. Here is what needs you this week.")
        else:
            self.subtitle.setText("Here is what needs you this week.")

    def _activate(self, index: QModelIndex) -> None:
        row: AttentionLine | None = index.data(RECORD_ROLE)
        if row is None or row.is_heading:
            return
        record_id = row.item.record_id if row.item is not None else None
        self._context.open_tab(row.kind.tab, record_id)


def build(context: TabContext) -> OverviewTab:
    return OverviewTab(context)
