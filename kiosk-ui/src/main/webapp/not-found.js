// The page the UI's web application shows for an address it does not have (see WEB-INF/web.xml),
// instead of the container's error text: in the language this browser last chose, or prefers.
import { browserLanguage, isLanguage, loadCataloguesPatiently, setLanguage } from './lib/i18n.js';

await loadCataloguesPatiently();
const stored = ['bilim.staff.language', 'bilim.kiosk.facilityLanguage'].map((key) => localStorage.getItem(key)).find(isLanguage);
setLanguage(stored || browserLanguage() || 'ru');
