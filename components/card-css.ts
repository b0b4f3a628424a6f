/**
 * Styles of the in-page card. They live in the card's shadow root, so the page's CSS cannot reach
 * them and they cannot reach the page.
 */
export const CARD_CSS = `
:host { all: initial; }
.card {
  box-sizing: border-box;
  width: 340px;
  max-width: calc(100vw - 16px);
  padding: 10px 12px 12px;
  border-radius: 10px;
  border: 1px solid #d6d3e0;
  background: #ffffff;
  color: #1d1d22;
  box-shadow: 0 8px 28px rgb(0 0 0 / 0.18);
  font: 13px/1.45 system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif;
  text-align: left;
}
.card:focus { outline: 2px solid #6b3fb0; outline-offset: 2px; }
.card__head { display: flex; justify-content: space-between; align-items: center; gap: 8px; }
.card__speaker { font-weight: 700; font-size: 14px; }
.card__close {
  all: unset; cursor: pointer; font-size: 18px; line-height: 1; padding: 2px 6px; border-radius: 4px; color: #5d5d6a;
}
.card__close:focus-visible, .card__button:focus-visible, .card a:focus-visible { outline: 2px solid #6b3fb0; outline-offset: 1px; }
.card__meta { color: #5d5d6a; font-size: 12px; margin-top: 2px; }
.card__counts { display: flex; flex-wrap: wrap; gap: 2px 12px; margin-top: 8px; font-size: 12px; }
.card__counts > span { white-space: nowrap; }
.card__conflicts { color: #b3261e; font-weight: 600; }
.card__strongest { margin: 8px 0 0; padding: 6px 8px; border-radius: 6px; background: #eef7f5; font-size: 12px; }
.card__strongest--conflict { background: #fdecea; border-left: 3px solid #b3261e; }
.card a { color: #5b2ea6; }
.card__error { color: #b3261e; font-size: 12px; margin: 8px 0 0; }
.card__actions { display: flex; gap: 8px; margin-top: 10px; align-items: center; }
.card__button {
  font: inherit; font-size: 12px; padding: 4px 12px; border-radius: 6px; cursor: pointer;
  border: 1px solid #6b3fb0; background: #6b3fb0; color: #ffffff;
}
.card__button--quiet { background: transparent; color: #5b2ea6; }
.card__button:disabled { opacity: 0.5; cursor: default; }
.card__saved { color: #00806e; font-weight: 600; font-size: 12px; }
@media (prefers-color-scheme: dark) {
  .card { background: #24232b; color: #ececf1; border-color: #3b3a45; }
  .card__meta, .card__close { color: #a9a9b8; }
  .card__strongest { background: #1e3531; }
  .card__strongest--conflict { background: #3d2222; border-left-color: #ff7a7a; }
  .card__conflicts, .card__error { color: #ff7a7a; }
  .card a, .card__button--quiet { color: #c9b3ff; }
  .card__saved { color: #4fd1bb; }
}
`;
