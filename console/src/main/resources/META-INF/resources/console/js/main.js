// Starts the console: its configuration from the gateway, sign-in, messages, then the dashboard.
import { Api } from './api.js';
import { principalOf, signIn } from './auth.js';
import { Dashboard } from './dashboard.js';
import { Messages, initialLocale } from './i18n.js';

async function start() {
  const [config, messages] = await Promise.all([
    fetch('/console/config.json').then((answer) => {
      if (!answer.ok) throw new Error(`console configuration: HTTP ${answer.status}`);
      return answer.json();
    }),
    Messages.load(initialLocale()),
  ]);
  messages.apply();
  const session = await signIn(config);
  const principal = principalOf(session.claims);
  document.getElementById('user').textContent = principal.name;
  document.getElementById('logout').addEventListener('click', () => session.logout());
  const language = document.getElementById('language');
  language.value = messages.locale;

  if (principal.kind !== 'brand' && principal.kind !== 'vendor' && principal.kind !== 'platform') {
    showError(messages.t('error.role'));
    return;
  }
  const dashboard = new Dashboard(new Api(session), principal, messages);
  language.addEventListener('change', () => dashboard.switchLocale(language.value).catch(showError));
  await dashboard.start();
}

function showError(error) {
  const status = document.getElementById('status');
  status.hidden = false;
  status.classList.add('error');
  status.textContent = typeof error === 'string' ? error : `${error.message ?? error}`;
  document.body.dataset.ready = 'error';
}

start().catch(showError);
