import type { Router } from 'express';
import { notFound } from '@seleksi/kit';
import type { CandidateRepositories } from '../repositories';
import { agencyCodeParams, calendarYearParams, holidayYearBody, regionalHolidaysBody } from '../schemas';

/** Holiday calendar (national holidays and cuti bersama) that administrators amend at run time. */
export function calendarRoutes(router: Router, { holidayYears }: CandidateRepositories): void {
  router.get('/calendars', async (_req, res) => {
    res.json({ items: await holidayYears.list() });
  });

  router.get('/calendars/:year', async (req, res) => {
    const { year } = calendarYearParams.parse(req.params);
    const found = await holidayYears.get(year);
    if (!found) throw notFound(`Holiday calendar ${year}`);
    res.json(found);
  });

  router.put('/calendars/:year', async (req, res) => {
    const { year } = calendarYearParams.parse(req.params);
    res.json(await holidayYears.put(holidayYearBody(year).parse(req.body)));
  });

  router.get('/agencies/:code/regional-holidays', async (req, res) => {
    const { code } = agencyCodeParams.parse(req.params);
    res.json(await holidayYears.getRegional(code));
  });

  router.put('/agencies/:code/regional-holidays', async (req, res) => {
    const { code } = agencyCodeParams.parse(req.params);
    res.json(await holidayYears.putRegional(code, regionalHolidaysBody.parse(req.body).days));
  });
}
