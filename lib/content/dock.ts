/**
 * Docks the sidebar: the host page gets a right margin as wide as the sidebar, so the
 * composer and the Send button stay visible and clickable instead of sitting under us.
 * Only a class on <html> and one <style> element we own; removed when the sidebar closes.
 */
export const SIDEBAR_WIDTH = 360;
const STYLE_ID = 'rapport-dock-style';
const CLASS = 'rapport-docked';

export function setDocked(doc: Document, docked: boolean): void {
  if (!doc.getElementById(STYLE_ID)) {
    const style = doc.createElement('style');
    style.id = STYLE_ID;
    // textContent, never innerHTML: Trusted Types pages reject HTML sinks.
    style.textContent = `html.${CLASS}{margin-right:${SIDEBAR_WIDTH}px !important;width:auto !important;}html.${CLASS} body{min-width:0 !important;}`;
    (doc.head ?? doc.documentElement).append(style);
  }
  doc.documentElement.classList.toggle(CLASS, docked);
}

export function undock(doc: Document): void {
  doc.documentElement.classList.remove(CLASS);
  doc.getElementById(STYLE_ID)?.remove();
}
