// The pilot-shaped history lives beside the demo data that also uses it.
export { pilotEmployers, pilotFunnel, pilotHistoryCsv, pilotMunicipalities, pilotTables } from '../../db/pilot-history'
