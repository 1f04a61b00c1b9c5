// One message that fails to render (a server shape nobody expected, a bug in a renderer) must not blank
// the whole panel: each row renders inside this boundary, which shows that row as "can't be shown" and
// tries again when the message itself changes.
import { Component, type ComponentChildren } from 'preact';
import type { ThreadMessage } from '@/utils/protocol';
import { richStrings } from '@/utils/rich-strings';
import './message.css';

interface Props {
  message: ThreadMessage;
  children?: ComponentChildren;
}

interface State {
  /** The message object that failed; a new version of it gets a fresh attempt. */
  failed?: ThreadMessage;
}

export class MessageBoundary extends Component<Props, State> {
  state: State = {};

  componentDidCatch(error: unknown) {
    console.error(`Message ${this.props.message.key} could not be shown`, error);
    this.setState({ failed: this.props.message });
  }

  render() {
    if (this.state.failed && this.state.failed === this.props.message) {
      return (
        <div class="msg msg--broken" data-key={this.props.message.key}>
          <p class="msg__text msg__text--broken">{richStrings.cantShow}</p>
        </div>
      );
    }
    return this.props.children;
  }
}
