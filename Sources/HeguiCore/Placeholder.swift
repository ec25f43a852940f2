import HeguiXML
