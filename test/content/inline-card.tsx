/**
 * The card of the page session, without a browser frame: the card's own app (CardFrameApp) drawn
 * into an element of the test's document, joined to the session by a real MessageChannel — the
 * same port protocol, validated on both sides, as the extension's frame uses.
 */
import { render } from 'preact';
import { CardFrameApp } from '../../components/CardFrameApp';
import { type CardActions, CardLink, type CardView } from '../../utils/content/card-frame';

export interface InlineCard {
  factory: (root: ShadowRoot, actions: CardActions) => CardView;
  /** What the card shows (empty when closed). */
  text(): string;
  button(label: string): HTMLButtonElement | undefined;
  /** How many cards were built (one a session). */
  built: number;
}

export function inlineCard(doc: Document = document): InlineCard {
  const element = doc.createElement('div');
  const card: InlineCard = {
    built: 0,
    factory(_root, actions) {
      card.built += 1;
      const channel = new MessageChannel();
      const link = new CardLink(channel.port1, actions);
      render(<CardFrameApp port={channel.port2} />, element);
      return {
        render: (state) => link.send({ type: 'card-state', state }),
        moveTo: () => {},
        focus: () => link.send({ type: 'card-focus' }),
        destroy: () => {
          link.close();
          render(null, element);
        },
      };
    },
    text: () => element.textContent ?? '',
    button: (label) => [...element.querySelectorAll('button')].find((b) => b.textContent === label),
  };
  return card;
}
