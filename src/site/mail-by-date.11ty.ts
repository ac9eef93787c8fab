// Mailing-list messages by date, oldest first.
import { mailIndexTemplate } from './_lib/mail-index-template.ts';

export default mailIndexTemplate('by-date');
