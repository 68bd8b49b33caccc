// The learner kiosk.
import '../components/kiosk-app/kiosk-app.js';
