package dev.flywheel.eclipse.ui.preferences;

import dev.flywheel.eclipse.core.client.FlywheelClient;
import dev.flywheel.eclipse.core.client.BackendHealth;
import dev.flywheel.eclipse.core.jobs.CallJob;
import dev.flywheel.eclipse.core.jobs.Outcome;
import dev.flywheel.eclipse.core.settings.BackendConnection;
import dev.flywheel.eclipse.core.settings.BackendSettings;
import dev.flywheel.eclipse.core.settings.SecretStore;
import dev.flywheel.eclipse.core.settings.SecurePreferencesSecrets;
import dev.flywheel.eclipse.ui.views.Columns;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.preference.PreferencePage;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.IWorkbenchPreferencePage;

/**
 * Window → Preferences → Flywheel: the backends the views connect to (name, URL, basic-auth user), with
 * passwords in secure storage and a Test connection button whose result appears on the page.
 */
public final class ConnectionsPreferencePage extends PreferencePage implements IWorkbenchPreferencePage {

    /** The page's id in plugin.xml. */
    public static final String ID = "dev.flywheel.eclipse.preferences.connections"; //$NON-NLS-1$

    private final BackendSettings settings = BackendSettings.ofWorkspace();
    private SecretStore secrets;
    private final List<EditedConnection> edited = new ArrayList<>();
    private final Set<String> removedNames = new HashSet<>();
    private TableViewer viewer;
    private Text name;
    private Text url;
    private Text user;
    private Text labelStudioUrl;
    private Text password;
    private Label testResult;
    private boolean filling;

    @Override
    public void init(IWorkbench workbench) {
        setDescription(Messages.ConnectionsPage_description);
        settings.connections().forEach(c -> edited.add(EditedConnection.of(c)));
    }

    @Override
    protected Control createContents(Composite parent) {
        Composite page = new Composite(parent, SWT.NONE);
        GridLayoutFactory.fillDefaults().numColumns(2).applyTo(page);

        viewer = new TableViewer(page, SWT.BORDER | SWT.FULL_SELECTION | SWT.SINGLE);
        viewer.getTable().setHeaderVisible(true);
        column(Messages.ConnectionsPage_columnName, 120, c -> c.name);
        column(Messages.ConnectionsPage_columnUrl, 220, c -> c.url);
        column(Messages.ConnectionsPage_columnUser, 80, c -> c.user);
        viewer.setContentProvider(ArrayContentProvider.getInstance());
        viewer.setInput(edited);
        GridDataFactory.fillDefaults().grab(true, true).hint(420, 120).applyTo(viewer.getControl());
        viewer.addSelectionChangedListener(e -> showSelected());

        Composite buttons = new Composite(page, SWT.NONE);
        GridLayoutFactory.fillDefaults().applyTo(buttons);
        GridDataFactory.fillDefaults().align(SWT.FILL, SWT.BEGINNING).applyTo(buttons);
        button(buttons, Messages.ConnectionsPage_add, this::add);
        button(buttons, Messages.ConnectionsPage_remove, this::remove);

        Composite fields = new Composite(page, SWT.NONE);
        GridLayoutFactory.fillDefaults().numColumns(2).applyTo(fields);
        GridDataFactory.fillDefaults().grab(true, false).span(2, 1).applyTo(fields);
        name = field(fields, Messages.ConnectionsPage_name, SWT.BORDER, (c, v) -> c.name = v);
        url = field(fields, Messages.ConnectionsPage_url, SWT.BORDER, (c, v) -> c.url = v);
        user = field(fields, Messages.ConnectionsPage_user, SWT.BORDER, (c, v) -> c.user = v);
        password = field(fields, Messages.ConnectionsPage_password, SWT.BORDER | SWT.PASSWORD, (c, v) -> c.password = v);
        labelStudioUrl = field(fields, Messages.ConnectionsPage_labelStudioUrl, SWT.BORDER, (c, v) -> c.labelStudioUrl = v);
        labelStudioUrl.setMessage(Messages.ConnectionsPage_labelStudioUrlHint);

        Button test = new Button(page, SWT.PUSH);
        test.setText(Messages.ConnectionsPage_test);
        test.addListener(SWT.Selection, e -> testConnection());
        testResult = new Label(page, SWT.WRAP);
        GridDataFactory.fillDefaults().grab(true, false).span(2, 1).hint(400, SWT.DEFAULT).applyTo(testResult);
        GridDataFactory.swtDefaults().span(2, 1).applyTo(test);

        if (!edited.isEmpty()) {
            viewer.setSelection(new StructuredSelection(edited.get(0)));
        }
        showSelected();
        return page;
    }

    private void column(String title, int width, Function<EditedConnection, String> text) {
        Columns.add(viewer, title, width, Columns.texts(EditedConnection.class, text));
    }

    private static void button(Composite parent, String text, Runnable action) {
        Button button = new Button(parent, SWT.PUSH);
        button.setText(text);
        button.addListener(SWT.Selection, e -> action.run());
        GridDataFactory.fillDefaults().applyTo(button);
    }

    private interface Setter {
        void set(EditedConnection connection, String value);
    }

    private Text field(Composite parent, String label, int style, Setter setter) {
        new Label(parent, SWT.NONE).setText(label);
        Text text = new Text(parent, style);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(text);
        text.addListener(SWT.Modify, e -> {
            EditedConnection selected = selected();
            if (!filling && selected != null) {
                setter.set(selected, text.getText());
                viewer.refresh(selected);
            }
        });
        return text;
    }

    private EditedConnection selected() {
        return (EditedConnection) ((IStructuredSelection) viewer.getSelection()).getFirstElement();
    }

    private void showSelected() {
        EditedConnection selected = selected();
        filling = true;
        name.setText(selected == null ? "" : selected.name); //$NON-NLS-1$
        url.setText(selected == null ? "" : selected.url); //$NON-NLS-1$
        user.setText(selected == null ? "" : selected.user); //$NON-NLS-1$
        password.setText(selected == null || selected.password == null ? "" : selected.password); //$NON-NLS-1$
        labelStudioUrl.setText(selected == null ? "" : selected.labelStudioUrl); //$NON-NLS-1$
        filling = false;
        for (Text text : new Text[] {name, url, user, password, labelStudioUrl}) {
            text.setEnabled(selected != null);
        }
    }

    private void add() {
        EditedConnection connection = new EditedConnection(NLS.bind(Messages.ConnectionsPage_newName, edited.size() + 1),
                BackendSettings.DEFAULT_BACKEND_URL, ""); //$NON-NLS-1$
        edited.add(connection);
        viewer.refresh();
        viewer.setSelection(new StructuredSelection(connection));
        name.setFocus();
    }

    private void remove() {
        EditedConnection selected = selected();
        if (selected != null) {
            edited.remove(selected);
            removedNames.add(selected.name);
            viewer.refresh();
            showSelected();
        }
    }

    /** Checks {@code /health} of the connection being edited, with the typed or stored password. */
    private void testConnection() {
        EditedConnection selected = selected();
        if (selected == null) {
            return;
        }
        String secret = selected.password != null ? selected.password
                : secrets().password(selected.name).orElse(""); //$NON-NLS-1$
        FlywheelClient client;
        try {
            client = new FlywheelClient(selected.url, selected.user, secret);
        } catch (IllegalArgumentException e) {
            showTestResult(e.getMessage());
            return;
        }
        showTestResult(NLS.bind(Messages.ConnectionsPage_testing, client.baseUrl()));
        Display display = testResult.getDisplay();
        String url = client.baseUrl();
        new CallJob<BackendHealth>(NLS.bind(dev.flywheel.eclipse.core.jobs.Messages.HealthCheckJob_name, url), progress -> client.health(),
                outcome -> display.asyncExec(() -> showTestResult(describe(url, outcome)))).schedule();
    }

    private static String describe(String url, Outcome<BackendHealth> outcome) {
        return switch (outcome) {
            case Outcome.Done<BackendHealth> answered -> NLS.bind(Messages.ConnectionsPage_connected, new Object[] {
                    url, answered.value().status(),
                    answered.value().modelClass() == null ? "?" : answered.value().modelClass()}); //$NON-NLS-1$
            case Outcome.Failed<BackendHealth> failed -> failed.message();
        };
    }

    private void showTestResult(String text) {
        if (!testResult.isDisposed()) {
            testResult.setText(text);
            testResult.getParent().layout(true, true);
        }
    }

    @Override
    public boolean performOk() {
        List<BackendConnection> connections = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (EditedConnection connection : edited) {
            try {
                connections.add(connection.toConnection());
            } catch (IllegalArgumentException e) {
                setErrorMessage(NLS.bind(Messages.ConnectionsPage_invalid, connection.name, e.getMessage()));
                return false;
            }
            if (!names.add(connection.name.strip())) {
                setErrorMessage(NLS.bind(Messages.ConnectionsPage_duplicateName, connection.name));
                return false;
            }
        }
        settings.setConnections(connections);
        removedNames.stream().filter(n -> !names.contains(n)).forEach(n -> secrets().setPassword(n, null));
        for (EditedConnection connection : edited) {
            if (connection.password != null) {
                secrets().setPassword(connection.name.strip(), connection.password);
            }
        }
        setErrorMessage(null);
        return true;
    }

    private SecretStore secrets() {
        if (secrets == null) {
            secrets = SecurePreferencesSecrets.ofDefault();
        }
        return secrets;
    }

    /** Replaces secure storage, for tests in the fragment. */
    void useSecrets(SecretStore store) {
        this.secrets = store;
    }

    /** The widgets, for tests in the fragment. */
    TableViewer viewer() {
        return viewer;
    }

    Text urlField() {
        return url;
    }

    Text userField() {
        return user;
    }

    Text labelStudioUrlField() {
        return labelStudioUrl;
    }

    Text passwordField() {
        return password;
    }

    Label testResult() {
        return testResult;
    }

    void pressAdd() {
        add();
    }

    void pressTest() {
        testConnection();
    }
}
