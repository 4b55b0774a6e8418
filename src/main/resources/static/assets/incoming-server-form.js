// Incoming Email Server form: a provider preset fills host, port and security for the chosen protocol, and shows
// how that provider lets a program sign in. "Custom" leaves the fields as they are.
document.addEventListener('DOMContentLoaded', () => {
    const form = document.getElementById('incoming-server-form');
    if (!form) {
        return;
    }
    const preset = form.elements['preset'];
    const protocol = form.elements['protocol'];
    const note = document.getElementById('preset-note');

    function apply() {
        const chosen = preset.selectedOptions[0];
        note.textContent = chosen.dataset.note || '';
        if (preset.value === 'CUSTOM') {
            return;
        }
        const imap = protocol.value === 'IMAP';
        const host = imap ? chosen.dataset.imapHost : chosen.dataset.pop3Host;
        if (!host) {
            note.textContent = chosen.textContent + ' offers no ' + protocol.value + '. ' + note.textContent;
            return;
        }
        form.elements['host'].value = host;
        form.elements['port'].value = imap ? '993' : '995';
        form.elements['security'].value = 'SSL_TLS';
    }

    preset.addEventListener('change', apply);
    protocol.addEventListener('change', () => {
        if (preset.value !== 'CUSTOM') {
            apply();
        }
    });
    note.textContent = preset.selectedOptions[0].dataset.note || '';
});
