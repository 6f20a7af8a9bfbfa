// Strategy-meeting mode: large type, the family's involvement matrix and gaps and the family's
// overdue actions beside the graph, for a shared screen. The body class is drawn from state.meeting.

import { byId } from './dom.js';
import { state } from './state.js';
import { selectTab, showPanels } from './selection.js';
import { clearFamilyOverdue } from './work-queues.js';
import { meetingChanged } from './meeting-room.js';

let controller;

function render() {
  document.body.classList.toggle('meeting', state.meeting);
  byId('meeting-button').setAttribute('aria-pressed', String(state.meeting));
  // type that can be read across a room; the graph's box changed size with the layout of the page
  controller.setTextScale(state.meeting ? 1.7 : 1);
  controller.resize();
}

export function toggleMeeting() {
  state.meeting = !state.meeting;
  render();
  if (state.meeting) {
    state.scope = 'FAMILY';
    selectTab('tab-agencies');
    if (state.selectedId) {
      showPanels(state.selectedId);
    }
  } else {
    clearFamilyOverdue();
  }
  meetingChanged();
}

export function wireMeeting(theController) {
  controller = theController;
  byId('meeting-button').addEventListener('click', toggleMeeting);
  byId('meeting-exit').addEventListener('click', toggleMeeting);
}
