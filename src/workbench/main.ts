import 'highlight.js/styles/github.css';
import './styles.css';
import './components/berth-workbench';
