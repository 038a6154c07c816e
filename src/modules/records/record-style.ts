/** The measures and colours all records share, in PDF points (1/72 inch). */
export const PAGE_MARGIN = 48;
/** Room under the content for the footer (digest, ledger position, page number). */
export const FOOTER_HEIGHT = 46;
export const TEXT_SIZE = 10;
export const LINE_GAP = 1.5;
export const RULE_COLOR = '#8c8c8c';
export const SHADE_COLOR = '#ececec';
