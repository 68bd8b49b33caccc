// The start page: links to the kiosk and the two consoles.
import './components/start-page/start-page.js';
