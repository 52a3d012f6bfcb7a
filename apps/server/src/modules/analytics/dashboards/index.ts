// Every dashboard registers itself on import; add a module's dashboard by adding its file and one line here.
import './service';
import './callcenter';
import './people';
import './money';
import './operations';
import './emergencies';
import './quality';
import './residents';
import './desk';
