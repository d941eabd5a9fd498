// The tables of the draw screen: candidates and sample size per stratum (target draw) or seats per department
// (inspector draw), from the committed parameters; the selected targets by stratum in ticket order; the teams.
import { Box, Chip, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { Link, useTranslate } from 'react-admin';

import type { Department, SelectedTargetRow, TeamSeat } from '../dataProvider/draws';
import { compareBytes, departmentsOf, strataOf, type EvidenceSelected } from './verify';

const mono = { fontFamily: 'monospace', fontSize: 13 };

export const StrataTable = ({ params }: { params: string }) => {
    const translate = useTranslate();
    const strata = strataOf(params);
    const total = (key: 'n' | 'k') => strata.reduce((sum, s) => sum + (s[key] ?? 0), 0);
    return (
        <Table size="small" data-testid="strata">
            <TableHead>
                <TableRow>
                    <TableCell>{translate('drawScreen.stratum')}</TableCell>
                    <TableCell>{translate('drawScreen.rule')}</TableCell>
                    <TableCell align="right">{translate('drawScreen.n')}</TableCell>
                    <TableCell align="right">{translate('drawScreen.k')}</TableCell>
                </TableRow>
            </TableHead>
            <TableBody>
                {strata.map(s => (
                    <TableRow key={s.stratum}>
                        <TableCell>{translate(`drawScreen.strata.${s.stratum}`, { _: s.stratum })}</TableCell>
                        <TableCell>
                            {typeof s.count === 'number'
                                ? translate('drawScreen.rule_count', { count: s.count })
                                : translate('drawScreen.rule_bp', { percent: (s.bp ?? 0) / 100 })}
                        </TableCell>
                        <TableCell align="right">{s.n}</TableCell>
                        <TableCell align="right">{s.k}</TableCell>
                    </TableRow>
                ))}
                <TableRow>
                    <TableCell colSpan={2} sx={{ fontWeight: 'bold' }}>
                        {translate('drawScreen.total')}
                    </TableCell>
                    <TableCell align="right" sx={{ fontWeight: 'bold' }}>
                        {total('n')}
                    </TableCell>
                    <TableCell align="right" sx={{ fontWeight: 'bold' }}>
                        {total('k')}
                    </TableCell>
                </TableRow>
            </TableBody>
        </Table>
    );
};

export const DepartmentsTable = ({ params, departments }: { params: string; departments: Department[] }) => {
    const translate = useTranslate();
    const nameOf = (code: string) => departments.find(d => d.code === code)?.shortName ?? code;
    return (
        <Table size="small" data-testid="department-plans">
            <TableHead>
                <TableRow>
                    <TableCell>{translate('drawScreen.department')}</TableCell>
                    <TableCell align="right">{translate('drawScreen.pool')}</TableCell>
                    <TableCell align="right">{translate('drawScreen.seats')}</TableCell>
                    <TableCell align="right">{translate('drawScreen.cap')}</TableCell>
                </TableRow>
            </TableHead>
            <TableBody>
                {departmentsOf(params).map(d => (
                    <TableRow key={d.code}>
                        <TableCell>
                            {nameOf(d.code)} {d.lead && <Chip size="small" label={translate('drawScreen.lead')} sx={{ ml: 1 }} />}
                        </TableCell>
                        <TableCell align="right">{d.pool}</TableCell>
                        <TableCell align="right">{d.seats}</TableCell>
                        <TableCell align="right">{d.cap}</TableCell>
                    </TableRow>
                ))}
            </TableBody>
        </Table>
    );
};

/**
 * The selection by stratum in ticket order: the evidence's `selected` when it is there (complete, already in
 * result order), else the API's rows; names come from the API's rows.
 */
export const SelectionTable = ({ rows, selected }: { rows: SelectedTargetRow[]; selected: EvidenceSelected[] | null }) => {
    const translate = useTranslate();
    const byUscc = new Map(rows.map(row => [row.uscc, row]));
    const list: EvidenceSelected[] = selected ?? rows;
    const strata = [...new Set(list.map(s => s.stratum))];
    return (
        <Box data-testid="selection">
            {strata.map(stratum => (
                <Box key={stratum} sx={{ mb: 2 }}>
                    <Typography variant="subtitle2">
                        {translate('drawScreen.stratum')}：{translate(`drawScreen.strata.${stratum}`, { _: stratum })}
                    </Typography>
                    <Table size="small">
                        <TableHead>
                            <TableRow>
                                <TableCell>{translate('drawScreen.rank')}</TableCell>
                                <TableCell>{translate('drawScreen.uscc')}</TableCell>
                                <TableCell>{translate('drawScreen.target')}</TableCell>
                                <TableCell>{translate('drawScreen.ticket')}</TableCell>
                            </TableRow>
                        </TableHead>
                        <TableBody>
                            {list
                                .filter(s => s.stratum === stratum)
                                .map(s => {
                                    const target = byUscc.get(s.uscc)?.target;
                                    return (
                                        <TableRow key={s.uscc}>
                                            <TableCell>{s.rank}</TableCell>
                                            <TableCell sx={mono}>{s.uscc}</TableCell>
                                            <TableCell>{target ? <Link to={`/targets/${target.id}/show`}>{target.name}</Link> : '—'}</TableCell>
                                            <TableCell sx={mono} title={s.ticket}>
                                                {s.ticket.slice(0, 16)}…
                                            </TableCell>
                                        </TableRow>
                                    );
                                })}
                        </TableBody>
                    </Table>
                </Box>
            ))}
        </Box>
    );
};

interface Team {
    target: TeamSeat['target'];
    leader: TeamSeat | undefined;
    members: TeamSeat[];
}

/** Seats grouped per target: targets in the draw's order (evidence: ticket order), leader first, members by department code. */
export function teamsOf(seats: TeamSeat[], order: string[] = []): Team[] {
    const teams = new Map<string, Team>();
    for (const seat of seats) {
        const team = teams.get(seat.target.uscc) ?? { target: seat.target, leader: undefined, members: [] };
        if (seat.role === 'LEADER') team.leader = seat;
        else team.members.push(seat);
        teams.set(seat.target.uscc, team);
    }
    for (const team of teams.values()) team.members.sort((a, b) => compareBytes(a.department.code, b.department.code));
    const position = new Map(order.map((uscc, i) => [uscc, i]));
    return [...teams.values()].sort((a, b) => (position.get(a.target.uscc) ?? Infinity) - (position.get(b.target.uscc) ?? Infinity));
}

const Seat = ({ seat }: { seat: TeamSeat }) => {
    const translate = useTranslate();
    return (
        <Box component="span" sx={{ display: 'inline-block', mr: 2 }}>
            {seat.inspector.id ? <Link to={`/inspectors/${seat.inspector.id}/show`}>{seat.inspector.name}</Link> : null}（{seat.department.shortName}，{translate('drawScreen.certificate')}{' '}
            <Box component="span" sx={mono}>
                {seat.inspector.certificateNo}
            </Box>
            ）
        </Box>
    );
};

export const TeamsTable = ({ seats, order }: { seats: TeamSeat[]; order?: string[] }) => {
    const translate = useTranslate();
    return (
        <Table size="small" data-testid="teams">
            <TableHead>
                <TableRow>
                    <TableCell>{translate('drawScreen.target')}</TableCell>
                    <TableCell>{translate('drawScreen.leader')}</TableCell>
                    <TableCell>{translate('drawScreen.members')}</TableCell>
                </TableRow>
            </TableHead>
            <TableBody>
                {teamsOf(seats, order).map(team => (
                    <TableRow key={team.target.uscc}>
                        <TableCell>
                            {team.target.id ? <Link to={`/targets/${team.target.id}/show`}>{team.target.name}</Link> : null}
                            <Typography variant="caption" component="div" sx={mono}>
                                {team.target.uscc}
                            </Typography>
                        </TableCell>
                        <TableCell>{team.leader ? <Seat seat={team.leader} /> : '—'}</TableCell>
                        <TableCell>
                            {team.members.map(seat => (
                                <Seat key={seat.id} seat={seat} />
                            ))}
                        </TableCell>
                    </TableRow>
                ))}
            </TableBody>
        </Table>
    );
};
