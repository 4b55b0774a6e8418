// Outgoing Email Server form: a provider preset fills SMTP host, port and security, and shows how that provider lets
// a program sign in. "Custom" leaves the fields as they are.
document.addEventListener('DOMContentLoaded', () => {
    const form = document.getElementById('outgoing-server-form');
    if (!form) {
        return;
    }
    const preset = form.elements['preset'];
    const note = document.getElementById('preset-note');

    function apply() {
        const chosen = preset.selectedOptions[0];
        note.textContent = chosen.dataset.note || '';
        if (preset.value === 'CUSTOM') {
            return;
        }
        form.elements['host'].value = chosen.dataset.host;
        form.elements['port'].value = chosen.dataset.port;
        form.elements['security'].value = chosen.dataset.security;
        form.elements['authentication'].value = 'PASSWORD';
    }

    preset.addEventListener('change', apply);
    note.textContent = preset.selectedOptions[0].dataset.note || '';
});
